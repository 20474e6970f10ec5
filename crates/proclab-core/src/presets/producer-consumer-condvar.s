# the bounded buffer of 3 slots again, on one mutex and two condition variables:
# the producer (%bx = 0) puts items 1, 2, ..., %cx; the consumer (%bx = 1) takes %cx into got
.mutex m             # guards buf, in, out and count
.cond not_full       # signalled when a slot frees
.cond not_empty      # signalled when an item arrives
.var buf 3
.var in              # the next slot to fill
.var out             # the next slot to empty
.var count           # items in the buffer
.var got 6
.main
lea buf, %fx
mov $0, %dx          # items so far
test $0, %bx
jne .consumer
.produce
add $1, %dx          # the next item
lock m
.full
mov count, %ax
test $3, %ax
jlt .room            # count < 3: a free slot
wait not_full, m     # releases m and waits; holds m again once woken
j .full              # Mesa: check again, someone may have run first
.room
mov in, %ax
mov %dx, 0(%fx,%ax,4)  # buf[in] = item
add $1, %ax          # in = (in + 1) mod 3
test $3, %ax
jne .put
mov $0, %ax
.put
mov %ax, in
mov count, %ax
add $1, %ax
mov %ax, count
signal not_empty     # an item for a waiting consumer
unlock m
test %dx, %cx
jgt .produce         # until %cx items
halt
.consumer
lea got, %ex
.consume
lock m
.empty
mov count, %ax
test $0, %ax
jgt .item            # count > 0: an item
wait not_empty, m
j .empty
.item
mov out, %ax
mov 0(%fx,%ax,4), %bx  # item = buf[out]
add $1, %ax          # out = (out + 1) mod 3
test $3, %ax
jne .took
mov $0, %ax
.took
mov %ax, out
mov count, %ax
sub $1, %ax
mov %ax, count
signal not_full      # a free slot for a waiting producer
unlock m
mov %bx, 0(%ex,%dx,4)  # got[count] = item
add $1, %dx
test %dx, %cx
jgt .consume         # until %cx items
halt

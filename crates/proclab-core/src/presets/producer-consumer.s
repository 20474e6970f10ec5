# a bounded buffer of 3 slots: the producer (%bx = 0) puts items 1, 2, ..., %cx into it,
# the consumer (%bx = 1) takes %cx items out and writes them to got in the order it took them
.sem empty 3         # free slots
.sem full 0          # filled slots
.mutex m             # guards buf, in and out
.var buf 3
.var in              # the next slot to fill
.var out             # the next slot to empty
.var got 6
.main
lea buf, %fx
mov $0, %dx          # items so far
test $0, %bx
jne .consumer
.produce
add $1, %dx          # the next item
wait empty           # a free slot (waits while the buffer is full)
lock m
mov in, %ax
mov %dx, 0(%fx,%ax,4)  # buf[in] = item
add $1, %ax          # in = (in + 1) mod 3
test $3, %ax
jne .put
mov $0, %ax
.put
mov %ax, in
unlock m
signal full          # one more filled slot
test %dx, %cx
jgt .produce         # until %cx items
halt
.consumer
lea got, %ex
.consume
wait full            # a filled slot (waits while the buffer is empty)
lock m
mov out, %ax
mov 0(%fx,%ax,4), %bx  # item = buf[out]
add $1, %ax          # out = (out + 1) mod 3
test $3, %ax
jne .took
mov $0, %ax
.took
mov %ax, out
unlock m
signal empty         # one more free slot
mov %bx, 0(%ex,%dx,4)  # got[count] = item
add $1, %dx
test %dx, %cx
jgt .consume         # until %cx items
halt

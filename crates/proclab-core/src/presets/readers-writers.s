# Silberschatz's first readers-writers solution: readers %bx = 0 and 1 read data, together if
# they like, and copy it into seen[%bx]; the writer (%bx = 2) adds 1 to data, alone
.sem rw_mutex 1      # the writer's lock, held for all readers by the first one in
.sem mutex 1         # guards read_count
.var read_count      # readers inside
.var data            # what the readers read and the writer writes
.var seen 2          # seen[%bx] = the data reader %bx read
.main
test $2, %bx
je .writer
lea seen, %fx
wait mutex
mov read_count, %ax
add $1, %ax          # read_count++
mov %ax, read_count
test $1, %ax
jne .entered
wait rw_mutex        # the first reader in shuts the writer out
.entered
signal mutex
.read
mov data, %cx        # read
mov %cx, 0(%fx,%bx,4)  # seen[%bx] = data
.leave
wait mutex
mov read_count, %ax
sub $1, %ax          # read_count--
mov %ax, read_count
test $0, %ax
jne .left
signal rw_mutex      # the last reader out lets the writer in
.left
signal mutex
halt
.writer
wait rw_mutex
.write
mov data, %ax
add $1, %ax          # data++
mov %ax, data
.wrote
signal rw_mutex
halt

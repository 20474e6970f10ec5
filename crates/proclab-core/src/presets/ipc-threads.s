# two threads of one process: T1 (%bx=0) puts 1 to 6 in data[], T2 (%bx=1) adds them up
.var data 6          # both threads see this array: no kernel needed to pass the values
.var sum
.sem ready           # T2 waits until T1 has filled data[]
.main
lea data, %fx
mov $0, %cx
test $0, %bx
jne .consume
.produce
mov %cx, %ax
add $1, %ax
mov %ax, 0(%fx,%cx,4)  # a plain store into shared memory
add $1, %cx
test $6, %cx
jlt .produce
signal ready         # nobody waits: the semaphore counts it without entering the kernel
halt
.consume
wait ready           # already signalled: taken without entering the kernel
.add
mov 0(%fx,%cx,4), %ax  # a plain load
add %ax, %dx
add $1, %cx
test $6, %cx
jlt .add
mov %dx, sum
halt

# an exchange lock that gives up the CPU instead of spinning
.var lock
.var counter
.main
.lock
mov $1, %ax
xchg %ax, lock       # in one step: %ax = the old lock, lock = 1
test $0, %ax
je .critical         # it was free: it is ours
yield                # taken: let the holder run
j .lock
.critical
mov counter, %cx     # counter = counter + 1
add $1, %cx
mov %cx, counter
mov $3, %dx          # hold the lock a while: 3 rounds of other work
.work
sub $1, %dx
test $0, %dx
jgt .work
.unlock
mov $0, lock         # release
sub $1, %bx          # %bx more times
test $0, %bx
jgt .lock
halt

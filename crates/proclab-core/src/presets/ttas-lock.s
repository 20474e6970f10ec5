# test-and-test-and-set: read the lock while it is taken, swap only once it looks free
.var lock
.var counter
.main
.lock
mov lock, %ax        # only read
test $0, %ax
jne .lock            # taken: look again
mov $1, %ax
xchg %ax, lock       # looks free: try to take it
test $0, %ax
jne .lock            # another thread was faster
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

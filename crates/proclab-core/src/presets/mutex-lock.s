# a mutex guards the counter: a thread that finds it taken blocks until unlock hands it over
.mutex m
.var counter
.main
.lock
lock m               # take it, or wait (Blocked, off the CPU) until it is handed over
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
unlock m             # release: the first waiter now holds it
sub $1, %bx          # %bx more times
test $0, %bx
jgt .lock
halt

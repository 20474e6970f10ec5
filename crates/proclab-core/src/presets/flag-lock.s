# a broken lock: look at a flag, then raise it, in two separate steps
.var busy
.var counter
.main
.lock
mov busy, %ax        # is the flag up?
test $0, %ax
jne .lock            # yes: look again
.critical
mov $1, busy         # no: raise it (too late if the other thread looked meanwhile)
mov counter, %ax     # counter = counter + 1
add $1, %ax
mov %ax, counter
.unlock
mov $0, busy         # lower the flag
sub $1, %bx          # %bx more times
test $0, %bx
jgt .lock
halt

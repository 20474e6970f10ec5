# Peterson's algorithm for two threads: %bx is this thread's id (0 or 1), no atomic instruction
.var want 2
.var turn
.var counter
.main
lea want, %fx
mov %bx, %dx         # %dx = the other thread's id, 1 - %bx
neg %dx
add $1, %dx
.lock
mov $1, 0(%fx,%bx,4) # want[me] = 1
mov %dx, turn        # turn = the other
.check
mov 0(%fx,%dx,4), %ax
test $1, %ax
jne .critical        # the other does not want in: enter
mov turn, %ax
test %dx, %ax
je .check            # it wants in and it is its turn: wait
.critical
mov counter, %ax     # counter = counter + 1
add $1, %ax
mov %ax, counter
.unlock
mov $0, 0(%fx,%bx,4) # want[me] = 0
sub $1, %cx          # %cx more times
test $0, %cx
jgt .lock
halt

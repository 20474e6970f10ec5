# two threads need both locks: %bx = 0 takes a then b, %bx = 1 takes b then a
.mutex a
.mutex b
.var counter
.main
test $0, %bx
jne .other
lock a               # first a ...
lock b               # ... then b
j .critical
.other
lock b               # first b ...
lock a               # ... then a
.critical
mov counter, %ax     # counter = counter + 1, holding both
add $1, %ax
mov %ax, counter
unlock b
unlock a
halt

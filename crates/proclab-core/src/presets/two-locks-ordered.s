# two threads need both locks and take them in one order: a, then b
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
lock a               # first a, like the other thread ...
lock b               # ... then b
.critical
mov counter, %ax     # counter = counter + 1, holding both
add $1, %ax
mov %ax, counter
unlock b
unlock a
halt

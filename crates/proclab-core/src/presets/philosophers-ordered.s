# dining philosophers, fixed by lock ordering: everyone picks up the lower-numbered fork first
.mutex f0            # fork 0: philosopher 0's left, philosopher 2's right
.mutex f1            # fork 1: philosopher 1's left, philosopher 0's right
.mutex f2            # fork 2: philosopher 2's left, philosopher 1's right
.var ate 3           # ate[%bx] = 1 once philosopher %bx has eaten
.main
lea ate, %fx
test $2, %bx
je .p2
test $1, %bx
je .p1
.p0
lock f0              # left fork
lock f1              # right fork
mov $1, 0(%fx,%bx,4) # eat
unlock f1
unlock f0
halt
.p1
lock f1              # left fork
lock f2              # right fork
mov $1, 0(%fx,%bx,4) # eat
unlock f2
unlock f1
halt
.p2
lock f0              # philosopher 2: the right fork (f0) first ...
lock f2              # ... then the left one (f2)
mov $1, 0(%fx,%bx,4) # eat
unlock f0
unlock f2
halt

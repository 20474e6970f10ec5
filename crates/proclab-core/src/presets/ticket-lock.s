# a ticket lock: take a number with fetch-and-add, wait until it is served
.var next
.var serving
.var counter
.main
.lock
mov $1, %ax
fetchadd %ax, next   # in one step: %ax = my ticket, next = next + 1
.wait
mov serving, %cx
test %cx, %ax
jne .wait            # not my number yet
.critical
mov counter, %dx     # counter = counter + 1
add $1, %dx
mov %dx, counter
.unlock
mov $1, %dx
fetchadd %dx, serving  # serve the next number
sub $1, %bx          # %bx more times
test $0, %bx
jgt .lock
halt

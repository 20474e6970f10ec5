# every thread adds 1 to the shared counter, %bx times, with no lock
.var counter
.main
.again
mov counter, %ax     # load
add $1, %ax          # add
mov %ax, counter     # store: a switch between the load and the store loses an update
sub $1, %bx          # %bx more times
test $0, %bx
jgt .again
halt

# each process adds 1 to the shared counter, %bx times, with no lock
.shared counter      # in the segment both processes map: one word for both
.main
.again
mov counter, %ax     # load
add $1, %ax          # add
mov %ax, counter     # store: a switch between the load and the store loses an update
sub $1, %bx          # %bx more times
test $0, %bx
jgt .again
halt

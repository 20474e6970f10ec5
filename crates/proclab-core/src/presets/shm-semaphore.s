# each process adds 1 to the shared counter, %bx times, inside a shared semaphore
.shared counter      # in the segment both processes map: one word for both
.shared sem mutex 1  # in the segment too: both processes wait on this one semaphore
.main
.again
wait mutex           # one process at a time from here...
mov counter, %ax     # load
add $1, %ax          # add
mov %ax, counter     # store
signal mutex         # ...to here: a switch in between cannot lose an update
sub $1, %bx
test $0, %bx
jgt .again
halt

# writer: writes 1 to 6 into pipe p, then closes its end
.pipe p 2          # shared with the reader: a buffer of 2 bytes
.main
mov $1, %ax
.next
write p, %ax       # one byte (0 to 255); blocks while the pipe is full
add $1, %ax
test $6, %ax
jlte .next
close p            # once the pipe is empty, the reader reads end-of-file (-1)
halt

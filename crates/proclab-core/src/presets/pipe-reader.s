# reader: reads pipe p until end-of-file (-1), adding up what it reads
.pipe p 2
.var sum
.var count
.main
.next
read p, %ax        # blocks while the pipe is empty and a writer may still write
test $0, %ax
jlt .eof           # -1: every writer closed (or exited) and the pipe is empty
add %ax, %bx
mov %bx, sum
add $1, %cx
mov %cx, count
j .next
.eof
halt

# server: answers 3 requests, each with its square
.queue requests 2
.queue replies 2
.main
mov $0, %cx
.next
recv requests, %ax     # blocks while no request waits
mov %ax, %bx
mul %bx, %ax
send replies, %ax
add $1, %cx
test $3, %cx
jlt .next
halt

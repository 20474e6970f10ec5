# client: sends the requests 1, 2 and 3, and keeps each reply in got[]
.queue requests 2      # shared with the server: same name, same capacity
.queue replies 2
.var got 3
.main
lea got, %fx
mov $0, %cx
.next
mov %cx, %ax
add $1, %ax
send requests, %ax     # blocks only if 2 requests wait already
recv replies, %bx      # blocks until the server has answered
mov %bx, 0(%fx,%cx,4)
add $1, %cx
test $3, %cx
jlt .next
halt

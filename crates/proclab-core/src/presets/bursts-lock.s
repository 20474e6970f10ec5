# bursts and operations: cpu $n computes n ticks as one instruction
.mutex m
.main
cpu $3               # a burst of 3 ticks
lock m               # take m, or wait (Blocked) until unlock hands it over
cpu $4               # 4 ticks holding m: the critical section
unlock m             # give m back: the first waiter now holds it
io $3                # 3 ticks of I/O (Blocked on the device)
cpu $2               # a last burst of 2 ticks
halt

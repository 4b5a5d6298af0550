package parallel

import (
	"sync/atomic"
	"testing"
)

func TestForCallsEachOnce(t *testing.T) {
	seen := make([]int32, 1000)
	var total atomic.Int64
	For(len(seen), func(i int) {
		atomic.AddInt32(&seen[i], 1)
		total.Add(1)
	})
	for i, n := range seen {
		if n != 1 {
			t.Fatalf("f(%d) called %d times", i, n)
		}
	}
	if total.Load() != 1000 {
		t.Fatal(total.Load())
	}
	For(0, func(int) { t.Fatal("called for n = 0") })
}

// Package parallel runs a loop's iterations on every core.
package parallel

import (
	"runtime"
	"sync"
)

// For calls f(i) for i in [0, n) on GOMAXPROCS goroutines and returns when
// all are done. Each f writes only its own results.
func For(n int, f func(i int)) {
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				f(i)
			}
		}()
	}
	for i := 0; i < n; i++ {
		next <- i
	}
	close(next)
	wg.Wait()
}

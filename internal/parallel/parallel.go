// Package parallel runs a loop's iterations on every core.
package parallel

import (
	"runtime"
	"sync"
)

// For calls f(i) for i in [0, n) on GOMAXPROCS goroutines and returns when
// all are done. Each f writes only its own results.
func For(n int, f func(i int)) { ForWorkers(n, runtime.GOMAXPROCS(0), f) }

// ForIO is For for work that also waits on files: more goroutines than
// cores, so that a core computes while another goroutine waits on a write.
func ForIO(n int, f func(i int)) { ForWorkers(n, 4*runtime.GOMAXPROCS(0), f) }

// ForWorkers calls f(i) for i in [0, n) on the given number of goroutines.
func ForWorkers(n, workers int, f func(i int)) {
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < max(workers, 1); w++ {
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

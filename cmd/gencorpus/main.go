// Command gencorpus writes a synthetic digest for benchmarks (not the
// sample digest): go run ./cmd/gencorpus -n 10000 -out /tmp/site10k.
package main

import (
	"flag"
	"fmt"
	"os"

	"digest/internal/corpusgen"
)

func main() {
	n := flag.Int("n", 1000, "number of articles")
	seed := flag.Int64("seed", 1, "random seed: the same seed writes the same corpus")
	out := flag.String("out", "", "the site `folder` to write (content/ and config.toml)")
	hugo := flag.String("hugo", "", "also write a Hugo site of the same articles in this `folder`")
	flag.Parse()
	if *out == "" {
		fmt.Fprintln(os.Stderr, "gencorpus: -out is required")
		os.Exit(2)
	}
	if err := corpusgen.Generate(*out, corpusgen.Options{N: *n, Seed: *seed, Hugo: *hugo}); err != nil {
		fmt.Fprintln(os.Stderr, "gencorpus:", err)
		os.Exit(1)
	}
}

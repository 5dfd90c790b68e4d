package pgo_test

import (
	"fmt"
	"strings"
	"testing"

	"gobackend.example/examples/pgo"
)

func ExampleHistogram() {
	fmt.Println(pgo.Histogram([]byte("GET /users/42 HTTP/1.1\r\n")))
	// Output: [12 4 4 4]
}

// logs is 64 KiB of access-log lines, the input the benchmark classifies.
var logs = []byte(strings.Repeat(`127.0.0.1 - - [02/Dec/2026:05:00:00 +0000] "GET /users/42 HTTP/1.1" 200 27`+"\n", 900))[:64<<10]

func BenchmarkHistogram(b *testing.B) {
	b.SetBytes(int64(len(logs)))
	for b.Loop() {
		pgo.Histogram(logs)
	}
}

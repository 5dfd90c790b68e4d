package channels_test

import (
	"fmt"
	"time"

	"gobackend.example/examples/channels"
)

func fast() string { return "fast replica" }

func slow() string {
	time.Sleep(100 * time.Millisecond)
	return "slow replica"
}

func ExampleFirst() {
	reply, err := channels.First(50*time.Millisecond, slow, fast)
	fmt.Println(reply, err)

	_, err = channels.First(10*time.Millisecond, slow)
	fmt.Println(err)
	// Output:
	// fast replica <nil>
	// no replica answered in time
}

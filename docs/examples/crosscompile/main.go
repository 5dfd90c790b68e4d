// Command crosscompile prints the platform it was built for. One machine can
// build it for any supported system by setting GOOS and GOARCH:
//
//	GOOS=linux GOARCH=arm64 go build -o app-linux-arm64 .
//	GOOS=windows GOARCH=amd64 go build -o app.exe .
//	go tool dist list  # every supported GOOS/GOARCH pair
package main

import (
	"fmt"
	"runtime"
)

func main() {
	fmt.Printf("built for %s/%s\n", runtime.GOOS, runtime.GOARCH)
}

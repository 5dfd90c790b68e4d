package configload_test

import (
	"errors"
	"fmt"
	"io/fs"
	"testing/fstest"

	"gobackend.example/examples/configload"
)

func ExampleLoad() {
	files := fstest.MapFS{
		"app.conf": {Data: []byte("port = 8080\nlog_level = debug\n")},
		"bad.conf": {Data: []byte("port = 8080\nverbose\n")},
	}

	settings, err := configload.Load(files, "app.conf")
	fmt.Println(settings, err)

	_, err = configload.Load(files, "missing.conf")
	fmt.Println(err)
	fmt.Println(errors.Is(err, fs.ErrNotExist))

	_, err = configload.Load(files, "bad.conf")
	fmt.Println(err)
	fmt.Println(errors.Is(err, configload.ErrSyntax))
	// Output:
	// map[log_level:debug port:8080] <nil>
	// load config missing.conf: open missing.conf: file does not exist
	// true
	// load config bad.conf: line 2: want key = value
	// true
}

package main

import (
	"debug/elf"
	"debug/pe"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// TestCrossCompile builds this command for other platforms and reads the
// headers of the results to check which CPU each binary targets.
func TestCrossCompile(t *testing.T) {
	goBin := goBinary(t)
	tests := []struct {
		goos, goarch string
		machine      func(path string) (uint16, error)
		want         uint16
	}{
		{"linux", "arm64", elfMachine, uint16(elf.EM_AARCH64)},
		{"windows", "amd64", peMachine, pe.IMAGE_FILE_MACHINE_AMD64},
	}
	for _, tt := range tests {
		t.Run(tt.goos+"/"+tt.goarch, func(t *testing.T) {
			t.Parallel()
			out := filepath.Join(t.TempDir(), "app")
			cmd := exec.Command(goBin, "build", "-o", out, ".")
			cmd.Env = append(os.Environ(), "GOOS="+tt.goos, "GOARCH="+tt.goarch, "CGO_ENABLED=0")
			if msg, err := cmd.CombinedOutput(); err != nil {
				t.Fatalf("%v: %v\n%s", cmd.Args, err, msg)
			}
			got, err := tt.machine(out)
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("machine = %#x, want %#x", got, tt.want)
			}
		})
	}
}

// goBinary finds the go command that is running this test: the go command
// sets GOROOT for the processes it starts.
func goBinary(t *testing.T) string {
	t.Helper()
	if root := os.Getenv("GOROOT"); root != "" {
		return filepath.Join(root, "bin", "go")
	}
	path, err := exec.LookPath("go")
	if err != nil {
		t.Fatalf("no go command: GOROOT is unset and go is not on PATH: %v", err)
	}
	return path
}

func elfMachine(path string) (uint16, error) {
	f, err := elf.Open(path)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	return uint16(f.Machine), nil
}

func peMachine(path string) (uint16, error) {
	f, err := pe.Open(path)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	return f.Machine, nil
}

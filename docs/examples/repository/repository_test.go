package repository_test

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"io"
	"testing"

	"gobackend.example/examples/repository"
)

// fakeDriver is a tiny in-memory database/sql driver: it answers every query
// with the row whose id matches the first argument. Just enough for the test.
type fakeDriver struct{ rows map[int64]string }

func (d fakeDriver) Open(string) (driver.Conn, error) { return fakeConn(d), nil }

type fakeConn fakeDriver

func (c fakeConn) Prepare(string) (driver.Stmt, error) { return fakeStmt(c), nil }
func (fakeConn) Close() error                          { return nil }
func (fakeConn) Begin() (driver.Tx, error)             { return nil, errors.New("no transactions") }

type fakeStmt fakeConn

func (fakeStmt) Close() error                               { return nil }
func (fakeStmt) NumInput() int                              { return 1 }
func (fakeStmt) Exec([]driver.Value) (driver.Result, error) { return nil, errors.New("read-only") }
func (s fakeStmt) Query(args []driver.Value) (driver.Rows, error) {
	id := args[0].(int64)
	email, ok := s.rows[id]
	if !ok {
		return &fakeRows{}, nil
	}
	return &fakeRows{row: []driver.Value{id, email}}, nil
}

type fakeRows struct{ row []driver.Value }

func (*fakeRows) Columns() []string { return []string{"id", "email"} }
func (*fakeRows) Close() error      { return nil }
func (r *fakeRows) Next(dest []driver.Value) error {
	if r.row == nil {
		return io.EOF // no (more) rows
	}
	copy(dest, r.row)
	r.row = nil
	return nil
}

func init() {
	sql.Register("fake", fakeDriver{rows: map[int64]string{1: "ada@example.com"}})
}

func TestUsersByID(t *testing.T) {
	db, err := sql.Open("fake", "")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	users := repository.NewUsers(db)
	ctx := context.Background()

	u, err := users.ByID(ctx, 1)
	if err != nil || u != (repository.User{ID: 1, Email: "ada@example.com"}) {
		t.Errorf("ByID(1) = %+v, %v; want Ada", u, err)
	}
	if _, err := users.ByID(ctx, 2); !errors.Is(err, repository.ErrNotFound) {
		t.Errorf("ByID(2) error = %v, want ErrNotFound", err)
	}

	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := users.ByID(cancelled, 1); !errors.Is(err, context.Canceled) {
		t.Errorf("ByID with a cancelled context: error = %v, want context.Canceled", err)
	}
}

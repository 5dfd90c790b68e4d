package jsontags_test

import (
	"encoding/json/jsontext"
	"encoding/json/v2"
	"errors"
	"fmt"
	"time"

	"gobackend.example/examples/jsontags"
)

func Example() {
	acct := jsontags.Account{
		ID:       1,
		Email:    "ada@example.com",
		Created:  time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC),
		Password: "s3cret",
	}
	out, err := json.Marshal(acct, jsontext.WithIndent("  "))
	if err != nil {
		panic(err)
	}
	fmt.Println(string(out))

	// "password" is not a declared key; json/v2 varies its error wording on purpose, so match with errors.Is.
	_, err = jsontags.Decode([]byte(`{"id": 2, "password": "x"}`))
	fmt.Println("unknown key refused:", errors.Is(err, json.ErrUnknownName))

	// encoding/json would take the last "id"; the strict decoder refuses.
	_, err = jsontags.Decode([]byte(`{"id": 2, "id": 3}`))
	fmt.Println(err)

	a, err := jsontags.Decode([]byte(`{"id": 2, "nickname": "grace"}`))
	fmt.Println(a.ID, a.Nickname, err)
	// Output:
	// {
	//   "id": 1,
	//   "email": "ada@example.com",
	//   "created_at": "2024-05-01T12:00:00Z"
	// }
	// unknown key refused: true
	// jsontext: duplicate object member name "id"
	// 2 grace <nil>
}

package jsontags_test

import (
	"encoding/json/jsontext"
	"encoding/json/v2"
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

	// "password" is not a key Account declares: the json:"-" field is skipped.
	_, err = jsontags.Decode([]byte(`{"id": 2, "password": "x"}`))
	fmt.Println(err)

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
	// json: cannot unmarshal JSON string into Go jsontags.Account: unknown object member name "password"
	// jsontext: duplicate object member name "id"
	// 2 grace <nil>
}

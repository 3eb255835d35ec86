package main

import (
	"encoding/binary"
	"errors"
	"io"
	"log"
	"net"
	"sync"
)

const (
	opMsg       = 2013
	moreToCome  = 1 << 1
	headerBytes = 16
	maxMessage  = 48 * 1000 * 1000 // MongoDB's maxMessageSizeBytes
)

// Commands that change documents; they pass the gate one at a time.
var writeCommands = map[string]bool{
	"insert": true, "update": true, "delete": true, "findAndModify": true, "findandmodify": true,
	"create": true, "createIndexes": true, "drop": true, "dropIndexes": true, "dropDatabase": true,
	"renameCollection": true,
}

// gate lets any number of reads through together, and each write alone.
type gate struct{ sync.RWMutex }

// serve proxies every client of front to FerretDB's Unix socket, through the gate.
func serve(front net.Listener, socket string, g *gate) {
	for {
		client, err := front.Accept()
		if err != nil {
			if errors.Is(err, net.ErrClosed) {
				return
			}
			log.Print(err)
			continue
		}
		go relay(client, socket, g)
	}
}

func relay(client net.Conn, socket string, g *gate) {
	defer client.Close()
	backend, err := net.Dial("unix", socket)
	if err != nil {
		log.Print(err)
		return
	}
	defer backend.Close()
	for {
		request, err := readMessage(client)
		if err != nil {
			return // the client went away
		}
		if err = g.pass(request, backend, client); err != nil {
			return
		}
	}
}

// pass sends one request and relays its replies, holding the gate meanwhile.
func (g *gate) pass(request []byte, backend, client net.Conn) error {
	if isWrite(request) {
		g.Lock()
		defer g.Unlock()
	} else {
		g.RLock()
		defer g.RUnlock()
	}
	if _, err := backend.Write(request); err != nil {
		return err
	}
	if expectsNoReply(request) {
		return nil
	}
	for {
		reply, err := readMessage(backend)
		if err != nil {
			return err
		}
		if _, err = client.Write(reply); err != nil {
			return err
		}
		if !expectsNoReply(reply) { // a reply with moreToCome is followed by another
			return nil
		}
	}
}

func readMessage(conn net.Conn) ([]byte, error) {
	header := make([]byte, headerBytes)
	if _, err := io.ReadFull(conn, header); err != nil {
		return nil, err
	}
	length := int(binary.LittleEndian.Uint32(header))
	if length < headerBytes || length > maxMessage {
		return nil, errors.New("malformed wire message")
	}
	message := make([]byte, length)
	copy(message, header)
	_, err := io.ReadFull(conn, message[headerBytes:])
	return message, err
}

func opCode(message []byte) uint32 { return binary.LittleEndian.Uint32(message[12:16]) }

func expectsNoReply(message []byte) bool {
	return opCode(message) == opMsg && len(message) >= 20 &&
		binary.LittleEndian.Uint32(message[16:20])&moreToCome != 0
}

// isWrite reads the command name: the first key of an OP_MSG's body section.
func isWrite(message []byte) bool {
	const body = headerBytes + 4 // after the flag bits
	if opCode(message) != opMsg || len(message) < body+1+4+1 || message[body] != 0 {
		return false
	}
	name := message[body+1+4+1:] // section kind, document length, element type
	for i, b := range name {
		if b == 0 {
			return writeCommands[string(name[:i])]
		}
	}
	return false
}

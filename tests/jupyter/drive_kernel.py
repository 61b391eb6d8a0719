"""Drive `la --kernel` with the real jupyter_client (run by tests/jupyter.rs).

The kernelspec is installed into a temporary JUPYTER_PATH by the Rust test;
this script starts the kernel by name, checks each request, and prints
`ok: NAME` per check. Any failure raises (non-zero exit).
"""

import queue
import sys
import time

from jupyter_client.manager import start_new_kernel
from jupyter_client.session import Session

TIMEOUT = 30


def run_cell(kc, code, **kw):
    """Execute code; collect the iopub messages of this request up to idle."""
    msg_id = kc.execute(code, **kw)
    reply = kc.get_shell_msg(timeout=TIMEOUT)
    while reply["parent_header"].get("msg_id") != msg_id:
        reply = kc.get_shell_msg(timeout=TIMEOUT)
    outputs = []
    while True:
        msg = kc.get_iopub_msg(timeout=TIMEOUT)
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            break
        outputs.append(msg)
    return reply["content"], outputs


def of_type(outputs, t):
    return [m["content"] for m in outputs if m["msg_type"] == t]


def main():
    km, kc = start_new_kernel(kernel_name="la", startup_timeout=TIMEOUT)
    try:
        info = kc.kernel_info(reply=True, timeout=TIMEOUT)["content"]
        li = info["language_info"]
        assert info["status"] == "ok", info
        assert li["name"] == "la" and li["file_extension"] == ".la", li
        assert li["pygments_lexer"] == "octave", li
        print("ok: kernel_info")

        reply, out = run_cell(kc, "x = [1/2 1; 0 3]")
        assert reply["status"] == "ok", reply
        assert reply["execution_count"] == 1, reply
        assert of_type(out, "execute_input")[0]["code"] == "x = [1/2 1; 0 3]"
        res = of_type(out, "execute_result")
        assert len(res) == 1, out
        assert "1/2" in res[0]["data"]["text/plain"], res
        assert "\\frac{1}{2}" in res[0]["data"]["text/latex"], res
        assert res[0]["execution_count"] == 1
        print("ok: execute")

        reply, out = run_cell(kc, "y = x(1,1) * 4")
        assert reply["execution_count"] == 2, reply
        res = of_type(out, "execute_result")
        assert "y = 2" in res[0]["data"]["text/plain"], res
        print("ok: variables shared across cells")

        reply, out = run_cell(kc, "disp(y + 1)\nundefined_thing + 1")
        assert reply["status"] == "error", reply
        assert reply["ename"] and "undefined_thing" in reply["evalue"], reply
        err = of_type(out, "error")[0]
        assert "^" in "\n".join(err["traceback"]), err
        assert of_type(out, "stream")[0]["text"].strip() == "3", out
        print("ok: error")

        reply, out = run_cell(kc, "latex steps rref([1 2; 3 4])")
        assert reply["status"] == "ok", reply
        disp = of_type(out, "display_data")
        assert disp and "\\begin{align" in disp[0]["data"]["text/latex"], out
        print("ok: steps as text/latex")

        reply, out = run_cell(kc, "z = 5", silent=True)
        assert not [m for m in out if m["msg_type"] != "status"], out
        reply, out = run_cell(kc, "z + 1")
        assert reply["execution_count"] == 5, reply  # the silent cell is not counted
        print("ok: silent")

        msg_id = kc.complete("di", 2)
        c = kc.get_shell_msg(timeout=TIMEOUT)["content"]
        assert "disp" in c["matches"] and c["cursor_start"] == 0, c
        kc.complete("y + x", 5)
        c = kc.get_shell_msg(timeout=TIMEOUT)["content"]
        assert "x" in c["matches"] and c["cursor_start"] == 4, c
        print("ok: complete")

        kc.inspect("rref(A)", 2)
        c = kc.get_shell_msg(timeout=TIMEOUT)["content"]
        assert c["found"] and "rref" in c["data"]["text/plain"], c
        print("ok: inspect")

        kc.is_complete("A = [1 2")
        c = kc.get_shell_msg(timeout=TIMEOUT)["content"]
        assert c["status"] == "incomplete", c
        kc.is_complete("A = [1 2]")
        c = kc.get_shell_msg(timeout=TIMEOUT)["content"]
        assert c["status"] == "complete", c
        print("ok: is_complete")

        # Interrupt a running cell; the session keeps its variables.
        msg_id = kc.execute("while true, end")
        time.sleep(1.0)
        km.interrupt_kernel()
        reply = kc.get_shell_msg(timeout=TIMEOUT)
        assert reply["parent_header"]["msg_id"] == msg_id, reply
        assert reply["content"]["status"] == "error", reply
        reply, out = run_cell(kc, "y")
        assert reply["status"] == "ok", reply
        print("ok: interrupt")

        # A message signed with the wrong key is ignored: no reply comes.
        bad = Session(key=b"not-the-key", username=kc.session.username)
        msg = bad.msg("kernel_info_request", {})
        bad.send(kc.shell_channel.socket, msg)
        try:
            r = kc.get_shell_msg(timeout=2)
            raise AssertionError(f"a badly signed message was answered: {r}")
        except queue.Empty:
            pass
        # And the kernel still answers good ones.
        kc.kernel_info(reply=True, timeout=TIMEOUT)
        print("ok: bad signature ignored")

        assert kc.is_alive() and km.is_alive()
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=False)
    print("all kernel checks passed")


if __name__ == "__main__":
    sys.exit(main())

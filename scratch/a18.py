from h import *
import pickle, threading
files = pickle.load(open("files.pkl", "rb"))
def turn():
    cid, tok = new(); t = time.time(); say(cid, tok, "how do I reset my password?")
    while len(msgs(cid, tok)) < 2: time.sleep(0.1)
    return round(time.time() - t, 2)
def hz():
    t = time.time(); requests.get(B + "/healthz"); return round((time.time() - t) * 1000)
print("baseline turns", [turn() for _ in range(3)], "healthz ms", [hz() for _ in range(3)])
cid, tok = new()
say(cid, tok, "I want to talk to a human please"); time.sleep(3)
ups = []
def up():
    t = time.time()
    r = requests.post(f"{B}/api/conversations/{cid}/files", headers=H(tok), files={"file": ("a.gif", files["bigframes.gif"], "image/gif")}, timeout=900)
    ups.append((r.status_code, round(time.time() - t)))
ths = [threading.Thread(target=up) for _ in range(3)]
[t.start() for t in ths]; time.sleep(3)
print("during 3 gif uploads: turns", [turn() for _ in range(4)], "healthz ms", [hz() for _ in range(3)])
[t.join() for t in ths]; print("uploads", ups)

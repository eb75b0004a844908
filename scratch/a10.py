from h import *
for p in ["../canary.md", "..%2Fcanary.md", "/work/wt-tester/scratch/canary.md", "account/../../canary.md", "./account/x.md", "account//x.md", "a\\..\\..\\canary.md", "con.md", "x" * 300 + ".md", ".env", ".kbignore", "sub/.hidden.md", "README.md", "  spaced .md", "a.md/", "é\u0301.md", "e\u0301.md"]:
    r = adm("POST", "/documents", files={"file": ("x.md", b"# T\n\nhello canary text")}, data={"path": p})
    print(repr(p[:40]), r.status_code, r.text[:200].strip())
for p in ["../canary.md", "..%2Fcanary.md", "%2e%2e/canary.md", "%2Fwork%2Fwt-tester%2Fscratch%2Fcanary.md"]:
    r = requests.delete(B + "/admin/api/documents/" + p, headers={"Authorization": f"Bearer {ADMIN}"})
    print("DEL", p, r.status_code, r.text[:200].strip())
import os; print("canary exists:", os.path.exists("/work/wt-tester/scratch/canary.md"))

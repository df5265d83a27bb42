{
  "mediaType": "application/vnd.dev.sigstore.bundle.v0.3+json",
  "verificationMaterial": {
    "publicKey": {
      "hint": ""
    },
    "tlogEntries": []
  },
  "dsseEnvelope": {
    "payload": "eyJfdHlwZSI6Imh0dHBzOi8vaW4tdG90by5pby9TdGF0ZW1lbnQvdjEiLCJzdWJqZWN0IjpbeyJuYW1lIjoibW9kZWwiLCJkaWdlc3QiOnsic2hhMjU2IjoiNDRkY2EyODZiZGFhNjIzZDNkN2U1M2NmN2M0NmM1YmFjZWMzNjM5NGIxMjdmMDJlNDM2M2NlZDg4NmZmYzE3NyJ9fV0sInByZWRpY2F0ZVR5cGUiOiJodHRwczovL21vZGVsX3NpZ25pbmcvc2lnbmF0dXJlL3YxLjAiLCJwcmVkaWNhdGUiOnsic2VyaWFsaXphdGlvbiI6eyJtZXRob2QiOiJmaWxlcyIsImhhc2hfdHlwZSI6InNoYTI1NiIsImFsbG93X3N5bWxpbmtzIjpmYWxzZSwiaWdub3JlX3BhdGhzIjpbIm1vZGVsLnNpZyJdfSwicmVzb3VyY2VzIjpbeyJuYW1lIjoiY29uZmlnLmpzb24iLCJhbGdvcml0aG0iOiJzaGEyNTYiLCJkaWdlc3QiOiI4MzVhN2RiNmYzZWQyZDI3MzdlZGM1NzM0MWMxZDE5ODNkMDhkNjYyNDIwODFlYWEzZWViM2IxYmI5OTE2OTQ3In0seyJuYW1lIjoid2VpZ2h0cy5iaW4iLCJhbGdvcml0aG0iOiJzaGEyNTYiLCJkaWdlc3QiOiI4OTYxMTJlNjQ5MzZiZTE0MzliZjYwNGQzYmIyZTA3MmZiNzE2Nzk2OGRiOTlmN2ZkZDU5MzQ2ZGU0ZjYwZjVkIn1dfX0=",
    "payloadType": "application/vnd.in-toto+json",
    "signatures": [
      {
        "sig": "MEUCIQDtGEJkvWMh5LQwRWsPIkrGIbziswQwOdx6IC5XzbmeQQIgcDR4NE/5wby+Sp1j3zQ6Qahb/Xu//DZezfiTs5M/XYw=",
        "keyid": ""
      }
    ]
  }
}

"""Every change in the events app: contests with their rounds, entries, scores and prizes (`contests`),
conferences with the units attending, the awards presented and their files (`conferences`)."""

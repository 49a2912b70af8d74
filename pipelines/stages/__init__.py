"""The batch stages that `bdars run` chains over the store: normalise, link, score."""

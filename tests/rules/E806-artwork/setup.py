"""Episode artwork that is too small for Apple (generated: nothing binary is committed)."""

from PIL import Image


def setup(root):
    Image.new("RGB", (600, 600), (20, 110, 120)).save(root / "content" / "episode" / "small-art.png", "PNG")
    record = root / "content" / "episode" / "fixture-episode.md"
    text = record.read_text(encoding="utf-8").replace("transcript: fixture-episode.vtt\n", "transcript: fixture-episode.vtt\nartwork: small-art.png\n")
    record.write_text(text, encoding="utf-8")

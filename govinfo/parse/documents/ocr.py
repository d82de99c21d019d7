"""Optical character recognition of scanned pages and table images (the extra ``govinfo-cn[ocr]``).

The recogniser is RapidOCR 3 (``rapidocr``) on ONNX Runtime with the
PP-OCRv6 detection and recognition models its wheel ships: everything
installs from PyPI, and the models are opened by path, so that nothing is
ever downloaded at run time. It was chosen over ``rapidocr-onnxruntime``
1.4 (PP-OCRv4) by its accuracy on the corpus (``benchmarks/README.md``).

Settings for speed on one core: no text-direction classifier (report pages
are upright), detection on the page scaled to at most :data:`DETECT_SIDE`
pixels, and recognition batches as wide as their widest box rather than a
fixed 320 pixels (a table is mostly narrow numbers). The recognised boxes
go to ``positions.py``, which rebuilds the tables from where they stand.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ...errors import ParseError
from .positions import Word, document_lines
from .ruling import Box

EXTRA = 'pip install "govinfo-cn[ocr]"'
RENDER_DPI = 200
DETECT_SIDE = 1280
MIN_SCORE = 0.3  # boxes the recogniser is less sure of are dropped as noise
LOW_CONFIDENCE = 0.9  # values recognised with less confidence are flagged doubtful
MAX_PIXELS = 40_000_000  # an image (or a page rendered) larger than this is no report page
MAX_PAGES = 60  # about 3 s a page: a longer scan is no annual report
TABLES = ("disclosure", "requests", "appeals")


@dataclass(frozen=True)
class Recognition:
    """What OCR read in a document: the tables it gave, the values it was unsure of, and why
    an image of a table was left unread.

    ``unsure`` holds the text of every value box recognised with a confidence
    below :data:`LOW_CONFIDENCE`; a cell of those tables printing that text is
    flagged doubtful (a cell printing the same text elsewhere is flagged too:
    erring on the side of a flag).
    """

    tables: frozenset[str]
    unsure: frozenset[str] = frozenset()
    unread: tuple[str, ...] = ()  # why an image of a table was not read, for the diagnostics

    def __or__(self, other: Recognition) -> Recognition:
        return Recognition(
            self.tables | other.tables, self.unsure | other.unsure, self.unread + other.unread
        )


class OcrUnavailable(ParseError):
    """OCR is needed and the ocr extra is not installed."""


def scanned_pdf(data: bytes, name: str) -> tuple[str, Recognition]:
    """The text form of a PDF without a text layer, every page recognised."""
    import pypdfium2

    engine = _engine(name)
    pages = []
    document = pypdfium2.PdfDocument(data)
    try:
        if len(document) > MAX_PAGES:
            raise ParseError(
                name, f"a scan of {len(document)} pages; OCR reads {MAX_PAGES} at most"
            )
        for index in range(len(document)):
            page = document[index]
            width, height = page.get_size()
            scale = min(RENDER_DPI / 72, (MAX_PIXELS / max(width * height, 1)) ** 0.5)
            image = page.render(scale=scale).to_pil()
            pages.append((float(image.height), recognise(image, engine)))
    finally:
        document.close()
    lines = document_lines(pages)
    if not lines:
        raise ParseError(name, "the PDF has no text layer and OCR found no text on its pages")
    return "\n".join(lines) + "\n", Recognition(frozenset(TABLES), _unsure(pages))


def image_words(data: bytes, name: str) -> list[Word]:
    """The recognised words of an image file's bytes (PNG, JPEG, GIF, BMP, WebP, TIFF)."""
    from PIL import Image, UnidentifiedImageError

    engine = _engine(name)
    try:
        image = Image.open(io.BytesIO(data))
        if image.width * image.height > MAX_PIXELS:
            raise ParseError(name, f"an image of {image.width}×{image.height} pixels is too large")
        image.load()
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError) as exc:
        raise ParseError(name, f"an image of the report cannot be read ({exc})") from None
    return recognise(image, engine)


def recognise(image, engine) -> list[Word]:
    """The words the recogniser finds in a PIL image, with their boxes and confidences."""
    result = engine(image.convert("RGB"))
    if result.boxes is None:
        return []
    words = []
    for box, text, score in zip(result.boxes, result.txts, result.scores, strict=True):
        xs, ys = [float(p[0]) for p in box], [float(p[1]) for p in box]
        if text.strip():
            words.append(Word(text.strip(), Box(min(xs), min(ys), max(xs), max(ys)), float(score)))
    return words


def unsure_values(words: list[Word]) -> frozenset[str]:
    """The value texts among ``words`` recognised with low confidence."""
    from ..text.values import is_value

    return frozenset(
        part for w in words if w.score < LOW_CONFIDENCE for part in w.text.split() if is_value(part)
    )


def _unsure(pages: list[tuple[float, list[Word]]]) -> frozenset[str]:
    return frozenset().union(*(unsure_values(words) for _, words in pages))


def _engine(name: str):
    """The recogniser, built once per process; ParseError naming the extra when it is missing."""
    try:
        return _cached_engine()
    except ImportError:
        raise OcrUnavailable(
            name, f"reading scanned pages or images needs OCR, the ocr extra: {EXTRA}"
        ) from None


@cache
def _cached_engine():
    from rapidocr import RapidOCR

    models = Path(__import__("rapidocr").__file__).parent / "models"
    return RapidOCR(
        params={
            "Global.log_level": "error",
            "Global.use_cls": False,
            "Global.text_score": MIN_SCORE,
            "EngineConfig.onnxruntime.intra_op_num_threads": 1,
            "EngineConfig.onnxruntime.inter_op_num_threads": 1,
            "Det.model_path": str(_model(models, "det")),
            "Det.limit_type": "max",
            "Det.limit_side_len": DETECT_SIDE,
            "Rec.model_path": str(_model(models, "rec")),
            "Rec.rec_img_shape": [3, 48, 48],
        }
    )


def _model(folder: Path, task: str) -> Path:
    """The model file the wheel ships for ``task`` (det or rec), opened by path: never fetched."""
    found = sorted(folder.glob(f"PP-OCR*_{task}_*.onnx"))
    if not found:
        raise ImportError(f"rapidocr ships no {task} model in {folder}")
    return found[-1]

"""Metadata out: images are decoded and encoded again (EXIF, GPS, XMP and comments do not survive), PDFs
lose their document info and XMP, and every action that runs or opens something (document and page
scripts, Launch, form actions) and every embedded file. A file that does not decode is refused, so no
polyglot gets through."""
from __future__ import annotations

import io
import warnings

from bot.errors import InvalidInput

MAX_PIXELS = 40_000_000  # a decompression bomb stops here, long before memory does
# NOTE: an animation is decoded and encoded frame by frame: its cost is the pixels of all frames (a
# 1000x1000 GIF of 400 frames is 400 M pixels, minutes of CPU). 100 M is e.g. 640x480 for ~325 frames.
MAX_ANIMATION_PIXELS = 100_000_000


class UnreadableFile(InvalidInput):
    """The bytes claim a type they do not decode as (damaged, encrypted or hostile)."""


def scrub(data: bytes, content_type: str) -> bytes:
    """The same picture or document without metadata."""
    if content_type == "application/pdf":
        return _scrub_pdf(data)
    return _scrub_image(data, content_type)


def _scrub_image(data: bytes, content_type: str) -> bytes:
    from PIL import Image, ImageOps

    fmt = {"image/jpeg": "JPEG", "image/png": "PNG", "image/gif": "GIF", "image/webp": "WEBP"}[content_type]
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data), formats=[fmt])
            if image.width * image.height > MAX_PIXELS:
                raise UnreadableFile("the image is too large (too many pixels)")
            image.load()
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise UnreadableFile(f"the image cannot be read: {type(exc).__name__}") from None
    out = io.BytesIO()
    if fmt == "GIF":  # keep animation; comments and application extensions are dropped
        frames = getattr(image, "n_frames", 1)
        if frames * image.width * image.height > MAX_ANIMATION_PIXELS:
            raise UnreadableFile(f"the animation is too large ({frames} frames of {image.width}x{image.height}); "
                                 "send a shorter or smaller one, or a still picture")
        image.save(out, format="GIF", save_all=getattr(image, "is_animated", False))
        return out.getvalue()
    upright = ImageOps.exif_transpose(image)  # the orientation lives in EXIF: apply it before dropping EXIF
    icc = image.info.get("icc_profile")  # colours, not personal data
    if fmt == "JPEG":
        if upright is image and image.mode in ("RGB", "L"):
            # NOTE: the camera's own quantization tables: no quality lost twice, no file grown by re-encoding
            image.save(out, format="JPEG", quality="keep", subsampling="keep", icc_profile=icc)
            return out.getvalue()
        upright = upright.convert("RGB") if upright.mode not in ("RGB", "L") else upright
        upright.save(out, format="JPEG", quality=90, icc_profile=icc)
    elif fmt == "WEBP":
        upright.save(out, format="WEBP", quality=90, icc_profile=icc)
    else:
        upright.save(out, format="PNG", icc_profile=icc)
    return out.getvalue()


def _scrub_pdf(data: bytes) -> bytes:
    from pypdf import PdfReader, PdfWriter
    from pypdf.errors import PyPdfError
    from pypdf.generic import NameObject

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise UnreadableFile("encrypted PDFs cannot be checked; send an unprotected copy")
        writer = PdfWriter(clone_from=reader)
        writer.metadata = None
        root = writer.root_object
        for key in ("/Metadata", "/OpenAction", "/AA"):
            root.pop(NameObject(key), None)  # XMP, and actions that run when the document opens
        names = root.get("/Names")
        if names is not None:
            for key in ("/JavaScript", "/EmbeddedFiles"):
                names.get_object().pop(NameObject(key), None)
        _disarm_pages(writer)
        root.pop(NameObject("/AcroForm"), None)  # form fields carry their own actions and scripts
        out = io.BytesIO()
        writer.write(out)
        # NOTE: the writer keeps what nothing refers to any more (the scripts, the embedded files' streams);
        # a second clone copies only what the cleaned document reaches.
        out.seek(0)
        reachable = PdfWriter(clone_from=PdfReader(out))
        out = io.BytesIO()
        reachable.write(out)
    except UnreadableFile:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, RecursionError) as exc:
        raise UnreadableFile(f"the PDF cannot be read: {type(exc).__name__}") from None
    return out.getvalue()


# Link actions that only move within the document or open a web page; every other action
# (JavaScript, Launch, SubmitForm, ImportData, GoToE into an embedded file, ...) is removed.
_SAFE_ACTIONS = frozenset({"/GoTo", "/URI"})


def _disarm_pages(writer: object) -> None:
    """Page-level actions out: each page's /AA, annotation actions other than links and jumps, and
    file-attachment annotations (an embedded file hung on a page)."""
    from pypdf import PdfWriter
    from pypdf.generic import ArrayObject, NameObject

    assert isinstance(writer, PdfWriter)
    for page in writer.pages:
        page.pop(NameObject("/AA"), None)
        annots = page.get("/Annots")
        if annots is None:
            continue
        kept = ArrayObject()
        for ref in annots.get_object():
            annot = ref.get_object()
            if annot.get("/Subtype") == "/FileAttachment":
                continue
            annot.pop(NameObject("/AA"), None)
            action = annot.get("/A")
            if action is not None and action.get_object().get("/S") not in _SAFE_ACTIONS:
                annot.pop(NameObject("/A"), None)
            kept.append(ref)
        page[NameObject("/Annots")] = kept

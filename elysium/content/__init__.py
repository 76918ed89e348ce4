"""Content: YAML packs read safely, checked with positions, and built into immutable models."""

from elysium.content.loader import default_content_dir, load_content
from elysium.content.model import Content
from elysium.content.problems import ContentError, Problem

__all__ = ["Content", "ContentError", "Problem", "default_content_dir", "load_content"]

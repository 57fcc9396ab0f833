"""mkdocs.yml checked before MkDocs reads it, so that a broken file gets a located error
(`mkdocs.yml:LINE:COL: ...`) in `make check`, `make build` and `make serve` instead of MkDocs' own
report. Only the YAML is checked here; MkDocs validates the settings themselves."""

from __future__ import annotations

from pathlib import Path as FsPath

import yaml

from .errors import Problem
from .yamlfile import YamlFileError, decode

CONFIG = "mkdocs.yml"


class _AnyTagLoader(yaml.SafeLoader):
    """Reads mkdocs.yml's own tags (!ENV, !relative, !!python/name:...) as plain values."""


_AnyTagLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def check_config(project_dir: FsPath) -> list[Problem]:
    path = project_dir / CONFIG
    try:
        text = decode(path.read_bytes(), CONFIG)
    except YamlFileError as err:
        return [err.problem]
    except OSError as err:
        return [Problem(CONFIG, 0, 0, "", f"cannot read the file: {err.strerror}")]
    try:
        settings = yaml.load(text, Loader=_AnyTagLoader)  # noqa: S506 - a SafeLoader that ignores tags
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        message = f"invalid YAML: {err.problem or 'cannot be read'}"
        if err.context:
            message += f" ({err.context})"
        return [Problem(CONFIG, line, column, "", message)]
    except yaml.YAMLError as err:
        return [Problem(CONFIG, 0, 0, "", f"invalid YAML: {err}")]
    if not isinstance(settings, dict):
        return [Problem(CONFIG, 1, 1, "", "expected the settings as a mapping, such as 'site_name: ...' on the first line")]
    return []

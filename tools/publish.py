"""Writes the publishable tree (`make publish`): exactly what the deploy uploads, and what a pull request previews.

    python -m tools.publish [--preview NUMBER] [OUT]     OUT defaults to dist/site

The tree lives at SITE_URL (the environment, as mkdocs.yml reads it; the site's own address without it), or with
--preview NUMBER under pr-preview/NUMBER/ of that address. In order:

1. the offline edition, built for that address (its pages link back to it), zipped reproducibly;
2. the PDF edition, printed by Chromium's headless command line from the offline edition's print page: that edition
   is made to be opened from the file system, so no server is needed, and it has no instant navigation, whose script
   turns every internal link into a full address that print.css would spell out;
3. SHA-256 sums of both, and a manifest for overrides/hooks/editions.py;
4. the site itself, strict, with the downloads in downloads/ and linked from the home page, the print page and
   every page's footer, which is why it comes last: the links give each file's size;
5. every internal link of the tree checked under the tree's own path (tools/sitecheck.py).

Every file is named with the version: the last commit's date and short hash.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from overrides.hooks import print_page
from tools import bundle
from tools.project import CHROMIUM, CHROMIUM_ARGS, CONFIG, OFFLINE_CONFIG, REPO, load_project, strict_build_in_subprocess
from tools.provision import NEEDS, install_command
from tools.sitecheck import link_problems

PUBLISH_DIR = REPO / "dist" / "site"
PREVIEW_DIR = "pr-preview"  # previews live under <site>/pr-preview/<number>/, beside the site on the same host
NAME = "go-for-backend-systems"
CHECKSUMS = "SHA256SUMS"


@dataclass(frozen=True)
class Version:
    """What the downloads are made from: the last commit's day and short hash."""

    date: str
    commit: str

    def __str__(self) -> str:
        return f"{self.date}-{self.commit}"


def site_url(preview: int | None = None) -> str:
    """Where the tree will live: mkdocs.yml's site_url (SITE_URL when set), or the preview's folder under it."""
    base = load_project(CONFIG).site_url
    if base is None:
        raise RuntimeError("mkdocs.yml has no site_url: the tree's links need the address it will live at (or SITE_URL)")
    return f"{base}{PREVIEW_DIR}/{preview}/" if preview is not None else base


def print_pdf(page: Path, pdf: Path) -> Path:
    """Print `page` to `pdf` with Chromium's headless command line: A4 and margins from print.css, no header or footer."""
    if not Path(CHROMIUM).is_file():
        install = install_command([NEEDS["chromium"]], is_root=True)
        raise RuntimeError(f"the PDF edition needs Chromium at {CHROMIUM} ({install}, or set CHROME_PATH)")
    with tempfile.TemporaryDirectory(prefix="gfbs-chromium-") as profile:
        command = [
            CHROMIUM,
            "--headless",
            *CHROMIUM_ARGS,
            f"--user-data-dir={profile}",
            "--no-pdf-header-footer",
            f"--print-to-pdf={pdf}",
            page.as_uri(),
        ]
        result = subprocess.run(command, capture_output=True, text=True, timeout=600)
    if result.returncode != 0 or not pdf.is_file() or pdf.stat().st_size == 0:
        raise RuntimeError(f"Chromium did not print {page} to {pdf}:\n{result.stderr}")
    return pdf


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def make_downloads(folder: Path, url: str, epoch: int, version: Version) -> Path:
    """Build the offline edition for `url`, zip it, print the PDF from it, and write the sums and the manifest into `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    archive = folder / f"{NAME}-offline-{version}.zip"
    pdf = folder / f"{NAME}-{version}.pdf"
    with tempfile.TemporaryDirectory(prefix="gfbs-publish-") as tmp:
        offline = Path(tmp) / "offline"
        bundle.build_offline_site(offline, epoch, site_url=url)
        bundle.bundle(offline, archive, epoch)
        print_pdf(offline / load_project(OFFLINE_CONFIG).built_page(print_page.SOURCE), pdf)
    # The format `sha256sum --check SHA256SUMS` reads.
    (folder / CHECKSUMS).write_text("".join(f"{sha256(path)}  {path.name}\n" for path in (archive, pdf)), encoding="utf-8")
    manifest = {
        "version": str(version),
        "files": [{"name": archive.name, "title": "Offline edition"}, {"name": pdf.name, "title": "PDF edition"}],
        "checksums": CHECKSUMS,
    }
    # What overrides/hooks/editions.py reads (its MANIFEST).
    (folder / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    return folder


def publish(out: Path, *, preview: int | None = None) -> tuple[str, list[str]]:
    """Write the tree into `out`; return its URL and every internal link that does not resolve under it."""
    url = site_url(preview)
    epoch = bundle.source_date_epoch()
    env = bundle.build_env(epoch)
    version = Version(env["GFBS_DATE"], env["GFBS_COMMIT"])
    with tempfile.TemporaryDirectory(prefix="gfbs-downloads-") as tmp:
        downloads = make_downloads(Path(tmp), url, epoch, version)
        result = strict_build_in_subprocess(CONFIG, out, env=env | {"SITE_URL": url, "GFBS_EDITIONS": str(downloads)})
    if result.returncode != 0:
        raise RuntimeError(f"the site build failed:\n{result.stdout}{result.stderr}")
    return url, [str(problem) for problem in link_problems(out, site_url=url)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.publish", description=__doc__.split("\n")[0])
    parser.add_argument("out", nargs="?", type=Path, default=PUBLISH_DIR, help="where to write the tree (default: dist/site)")
    parser.add_argument("--preview", type=int, metavar="NUMBER", help=f"a pull request's preview, under {PREVIEW_DIR}/NUMBER/")
    args = parser.parse_args(argv)
    try:
        url, problems = publish(args.out, preview=args.preview)
    except RuntimeError as error:  # a failed build or print: its own log says why
        print(f"make publish: {error}", file=sys.stderr)
        return 1
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(f"{len(problems)} internal link(s) do not resolve under {url}", file=sys.stderr)
        return 1
    print(f"wrote {args.out} for {url}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

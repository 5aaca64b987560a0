"""JUnit XML, which every CI system can display: one test case per article, a failure per failing finding.

An unreadable input is a test ``error`` rather than a failure, matching the
exit-code split between "the sourcing policy failed" (1) and "the check could
not run on this file" (3). Article text is untrusted, so characters XML 1.0
cannot carry are dropped and everything else is escaped by ElementTree.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from provenance.check.models import CheckResult

NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
SUITE_NAME = "provenance check"


def render_junit(result: CheckResult) -> str:
    """Render a check as a JUnit XML document (``testsuites`` with one ``testsuite``)."""
    failed = sum(1 for report in result.files if report.failing)
    errors = len(result.unreadable)
    counts = {"tests": str(len(result.files)), "failures": str(failed), "errors": str(errors)}
    suites = ET.Element("testsuites", {"name": SUITE_NAME, **counts})
    suite = ET.SubElement(suites, "testsuite", {"name": SUITE_NAME, **counts, "skipped": "0"})
    for report in result.files:
        case = ET.SubElement(suite, "testcase", {"classname": "provenance.check", "name": _xml(report.path)})
        case.set("file", _xml(report.path))
        if report.score is not None:
            properties = ET.SubElement(case, "properties")
            ET.SubElement(properties, "property", {"name": "score", "value": f"{report.score:g}"})
            ET.SubElement(properties, "property", {"name": "grade", "value": _xml(report.grade or "")})
        if report.error is not None:
            ET.SubElement(
                case, "error", {"type": "unreadable-input", "message": _xml(report.error)}
            ).text = _xml(report.error)
            continue
        for finding in report.failing:
            region = finding.region
            where = f"{report.path}:{region.start_line}:{region.start_column}"
            detail = f"{where}: {finding.rule_id} {finding.rule_name}: {finding.message}"
            if finding.claim_text:
                detail += f"\nClaim: {finding.claim_text}"
            failure = ET.SubElement(
                case,
                "failure",
                {"type": finding.rule_id, "message": _xml(f"line {region.start_line}: {finding.message}")},
            )
            failure.text = _xml(detail)
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode")


def _xml(text: str) -> str:
    """Drop characters XML 1.0 cannot represent (control characters, lone surrogates)."""
    return NOT_XML.sub("", text)

#!/usr/bin/env python3
"""Generate the three sample resumes in this folder (fictional people, invented employers).

    pip install reportlab   # PDF only; the DOCX is written with the standard library
    python3 Samples/generate.py

Outputs are byte-for-byte reproducible (reportlab's invariant mode, fixed zip timestamps),
so regenerating them only shows up in git when the content changed.
"""
import os
import zipfile
from xml.sax.saxutils import escape

from reportlab import rl_config

rl_config.invariant = 1  # no timestamps or random IDs in the PDFs

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (BaseDocTemplate, Frame, FrameBreak, PageTemplate, Paragraph,
                                SimpleDocTemplate, Spacer, Table, TableStyle)

HERE = os.path.dirname(os.path.abspath(__file__))

# --- Single column: a data engineer --------------------------------------------------------

PRIYA = {
    "name": "Priya Raman",
    "title": "Senior Data Engineer",
    "contact": "priya.raman@example.com | +1 (206) 555-0187 | Seattle, WA | "
               "linkedin.com/in/priya-raman-data | github.com/praman-data",
    "summary": "Data engineer with 7 years of experience building batch and streaming pipelines on "
               "AWS and Spark. Cut warehouse costs by 38% and brought data freshness from hours to "
               "minutes for analytics teams of 120+ people.",
    "jobs": [
        ("Senior Data Engineer", "Northwind Freight", "Seattle, WA", "Mar 2021 - Present", [
            "Designed a Kafka and Spark Structured Streaming platform processing 2.4B events per day "
            "with 99.95% uptime",
            "Migrated 340 Airflow DAGs to dbt and Snowflake, reducing warehouse spend by 38% "
            "($410K per year)",
            "Led a team of 4 engineers and introduced data contracts that cut broken dashboards by 70%",
        ]),
        ("Data Engineer", "Bluepeak Health", "Portland, OR", "Jun 2018 - Feb 2021", [
            "Built HIPAA-compliant ingestion for 45 hospital feeds using Python, AWS Glue and Redshift",
            "Automated data quality checks with Great Expectations, catching 92% of bad loads before "
            "release",
        ]),
        ("Software Engineer, Data", "Cascade Analytics", "Seattle, WA", "Jul 2016 - May 2018", [
            "Wrote PostgreSQL and Python ETL jobs for 30 retail clients, shortening reporting cycles "
            "from 5 days to 1",
        ]),
    ],
    "education": [("M.S. Computer Science", "University of Washington", "2016"),
                  ("B.Tech. Information Technology", "Anna University", "2014")],
    "skills": "Python, SQL, Scala, Apache Spark, Kafka, Airflow, dbt, Snowflake, AWS (S3, Glue, EMR, "
              "Redshift), Terraform, Docker, Kubernetes, PostgreSQL",
}


def styles(base_size=10):
    return {
        "name": ParagraphStyle("name", fontName="Helvetica-Bold", fontSize=22, leading=26),
        "title": ParagraphStyle("title", fontName="Helvetica", fontSize=12, leading=15,
                                textColor=colors.HexColor("#444444")),
        "contact": ParagraphStyle("contact", fontName="Helvetica", fontSize=9, leading=12),
        "heading": ParagraphStyle("heading", fontName="Helvetica-Bold", fontSize=12, leading=15,
                                  spaceBefore=10, spaceAfter=3,
                                  textColor=colors.HexColor("#1F4E79")),
        "job": ParagraphStyle("job", fontName="Helvetica-Bold", fontSize=base_size + 0.5,
                              leading=base_size + 4, spaceBefore=4),
        "body": ParagraphStyle("body", fontName="Helvetica", fontSize=base_size,
                               leading=base_size + 3),
        "bullet": ParagraphStyle("bullet", fontName="Helvetica", fontSize=base_size,
                                 leading=base_size + 3, leftIndent=12, bulletIndent=2),
    }


def job_block(s, job, width):
    title, company, place, dates, bullets = job
    head = Table([[Paragraph(f"{escape(title)}, {escape(company)}", s["job"]),
                   Paragraph(escape(dates), ParagraphStyle("d", parent=s["body"], alignment=2))]],
                 colWidths=[width * 0.68, width * 0.32])
    head.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0),
                              ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                              ("VALIGN", (0, 0), (-1, -1), "BOTTOM")]))
    flow = [head, Paragraph(escape(place), s["body"])]
    flow += [Paragraph(escape(b), s["bullet"], bulletText="•") for b in bullets]
    return flow


def single_column(path):
    s = styles()
    doc = SimpleDocTemplate(path, pagesize=LETTER, leftMargin=18 * mm, rightMargin=18 * mm,
                            topMargin=16 * mm, bottomMargin=16 * mm,
                            title="Priya Raman - Resume", author="Priya Raman")
    p = PRIYA
    flow = [Paragraph(p["name"], s["name"]), Paragraph(p["title"], s["title"]),
            Paragraph(escape(p["contact"]), s["contact"]),
            Paragraph("SUMMARY", s["heading"]), Paragraph(escape(p["summary"]), s["body"]),
            Paragraph("EXPERIENCE", s["heading"])]
    for job in p["jobs"]:
        flow += job_block(s, job, doc.width)
    flow.append(Paragraph("EDUCATION", s["heading"]))
    for degree, school, year in p["education"]:
        flow.append(Paragraph(f"<b>{escape(degree)}</b>, {escape(school)}, {year}", s["body"]))
    flow += [Paragraph("SKILLS", s["heading"]), Paragraph(escape(p["skills"]), s["body"])]
    doc.build(flow)


# --- Two columns: a product designer with a sidebar -----------------------------------------

MATEO = {
    "name": "Mateo Alvarez",
    "title": "Product Designer",
    "sidebar": [
        ("CONTACT", ["mateo.alvarez@example.org", "+1 (512) 555-0134", "Austin, TX",
                     "linkedin.com/in/mateo-alvarez-design", "github.com/mateo-designs"]),
        ("SKILLS", ["Figma", "Design Systems", "User Research", "Prototyping", "Usability Testing",
                    "HTML & CSS", "React", "Accessibility (WCAG 2.2)", "Information Architecture"]),
        ("EDUCATION", ["B.F.A. Interaction Design", "Savannah College of Art and Design", "2017"]),
        ("LANGUAGES", ["English (native)", "Spanish (native)", "Portuguese (conversational)"]),
    ],
    "summary": "Product designer with 6 years of experience shipping consumer and fintech products. "
               "I pair qualitative research with experiment data to turn vague problems into clear, "
               "accessible interfaces.",
    "jobs": [
        ("Senior Product Designer", "Lumen Pay", "Austin, TX", "Jan 2022 - Present", [
            "Redesigned onboarding for 1.8M users, raising completion from 54% to 71% in two quarters",
            "Built a 140-component design system in Figma and React used by 9 product squads",
            "Ran 60+ usability sessions per year and set up a research repository for 35 researchers",
        ]),
        ("Product Designer", "Trailhead Outdoors", "Denver, CO", "Aug 2019 - Dec 2021", [
            "Led checkout redesign that lifted mobile conversion by 23% and cut support tickets by 31%",
            "Partnered with engineering to meet WCAG 2.1 AA across 120 screens",
        ]),
        ("UX Designer", "Brightline Studio", "Atlanta, GA", "Jun 2017 - Jul 2019", [
            "Delivered 14 client apps from discovery to launch, including a banking app rated 4.8 stars",
        ]),
    ],
}


def two_column(path):
    s = styles(9.5)
    width, height = A4
    margin = 15 * mm
    gutter = 10 * mm
    header_h = 28 * mm
    side_w = 58 * mm
    main_w = width - 2 * margin - side_w - gutter
    body_h = height - 2 * margin - header_h
    header = Frame(margin, height - margin - header_h, width - 2 * margin, header_h, id="header",
                   leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    main = Frame(margin, margin, main_w, body_h, id="main", leftPadding=0, rightPadding=0)
    side = Frame(margin + main_w + gutter, margin, side_w, body_h, id="side", leftPadding=0,
                 rightPadding=0)

    def sidebar_background(canvas, doc):
        canvas.saveState()
        canvas.setFillColor(colors.HexColor("#F2F4F7"))
        canvas.rect(margin + main_w + gutter / 2, margin, side_w + gutter / 2, body_h, stroke=0,
                    fill=1)
        canvas.restoreState()

    doc = BaseDocTemplate(path, pagesize=A4, title="Mateo Alvarez - Resume", author="Mateo Alvarez",
                          leftMargin=margin, rightMargin=margin, topMargin=margin,
                          bottomMargin=margin)
    doc.addPageTemplates([PageTemplate(id="cv", frames=[header, main, side],
                                       onPage=sidebar_background)])
    m = MATEO
    flow = [Paragraph(m["name"], s["name"]), Paragraph(m["title"], s["title"]), FrameBreak(),
            Paragraph("PROFILE", s["heading"]), Paragraph(escape(m["summary"]), s["body"]),
            Paragraph("EXPERIENCE", s["heading"])]
    for job in m["jobs"]:
        flow += job_block(s, job, main_w)
    flow.append(FrameBreak())
    for heading, items in m["sidebar"]:
        flow.append(Paragraph(heading, s["heading"]))
        flow += [Paragraph(escape(item), s["body"]) for item in items]
    doc.build(flow)


# --- DOCX: a site reliability engineer, hand-written WordprocessingML -----------------------

GRACE = {
    "name": "Grace Okafor",
    "contact": "grace.okafor@example.net | +44 20 7946 0321 | London, UK | "
               "linkedin.com/in/grace-okafor-sre | github.com/gokafor",
    "summary": "Site reliability engineer with 8 years of experience running large Kubernetes fleets. "
               "Known for calm incident command and for automating toil away.",
    "jobs": [
        ("Staff Site Reliability Engineer", "Meridian Bank", "London, UK", "Apr 2021 - Present", [
            "Ran 38 Kubernetes clusters (6,000 nodes) at 99.99% availability for payment services",
            "Cut mean time to recovery from 47 to 12 minutes with runbook automation and SLO alerts",
            "Saved £1.2M a year by rightsizing workloads and moving batch jobs to spot instances",
        ]),
        ("Senior DevOps Engineer", "Harbourline Logistics", "Manchester, UK", "Sep 2017 - Mar 2021", [
            "Moved 120 services from VMs to EKS with Terraform and Helm, halving deploy time",
            "Built a Prometheus and Grafana stack covering 2,500 hosts and 40 teams",
        ]),
        ("Systems Engineer", "Kestrel Hosting", "Leeds, UK", "Jul 2015 - Aug 2017", [
            "Automated server provisioning with Ansible for 900 customer machines",
        ]),
    ],
    "education": [("MEng Computer Systems Engineering", "University of Leeds", "2015")],
    "skills": [("Cloud", "AWS, GCP, Kubernetes, EKS, Terraform, Helm"),
               ("Observability", "Prometheus, Grafana, OpenTelemetry, PagerDuty"),
               ("Languages", "Go, Python, Bash")],
}

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def run(text, bold=False, size=None):
    props = ("<w:b/>" if bold else "") + (f'<w:sz w:val="{size * 2}"/>' if size else "")
    rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
    return f'<w:r>{rpr}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def para(*runs, style=None):
    ppr = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    return f"<w:p>{ppr}{''.join(runs)}</w:p>"


def job_para(title, company, dates):
    # Dates sit at a right tab stop, as Word users align them.
    return ('<w:p><w:pPr><w:tabs><w:tab w:val="right" w:pos="9026"/></w:tabs></w:pPr>'
            f"{run(title + ', ' + company, bold=True)}<w:r><w:tab/></w:r>{run(dates)}</w:p>")


def skills_table(rows):
    cell = lambda text, bold: f'<w:tc><w:tcPr><w:tcW w:w="4500" w:type="dxa"/></w:tcPr>{para(run(text, bold))}</w:tc>'
    body = "".join(f"<w:tr>{cell(k, True)}{cell(v, False)}</w:tr>" for k, v in rows)
    return f'<w:tbl><w:tblPr><w:tblW w:w="9000" w:type="dxa"/></w:tblPr>{body}</w:tbl>'


def docx(path):
    g = GRACE
    body = [para(run(g["summary"]))]
    body.append(para(run("Experience"), style="Heading1"))
    for title, company, place, dates, bullets in g["jobs"]:
        body.append(job_para(title, company, dates))
        body.append(para(run(place)))
        body += [para(run("• " + b)) for b in bullets]
    body.append(para(run("Education"), style="Heading1"))
    for degree, school, year in g["education"]:
        body.append(para(run(degree, bold=True), run(f", {school}, {year}")))
    body.append(para(run("Skills"), style="Heading1"))
    body.append(skills_table(g["skills"]))
    sect = (f'<w:sectPr><w:headerReference w:type="default" r:id="rIdHeader"/>'
            '<w:pgSz w:w="11906" w:h="16838"/></w:sectPr>')
    document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                f'<w:document xmlns:w="{W_NS}" xmlns:r="{R_NS}"><w:body>{"".join(body)}{sect}</w:body></w:document>')
    header = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:hdr xmlns:w="{W_NS}">'
              f'{para(run(g["name"], bold=True, size=20), style="Title")}{para(run(g["contact"], size=9))}</w:hdr>')
    styles_xml = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="{W_NS}">'
                  '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>'
                  '<w:rPr><w:sz w:val="21"/></w:rPr></w:style>'
                  '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/>'
                  '<w:basedOn w:val="Normal"/><w:pPr><w:spacing w:before="240"/></w:pPr>'
                  '<w:rPr><w:b/><w:sz w:val="28"/></w:rPr></w:style>'
                  '<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/>'
                  '<w:basedOn w:val="Normal"/><w:rPr><w:sz w:val="40"/></w:rPr></w:style></w:styles>')
    content_types = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                     '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                     '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                     '<Default Extension="xml" ContentType="application/xml"/>'
                     '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
                     '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
                     '<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>'
                     '</Types>')
    package_rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
                    '</Relationships>')
    document_rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                     '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                     '<Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
                     '<Relationship Id="rIdHeader" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>'
                     '</Relationships>')
    parts = [("[Content_Types].xml", content_types), ("_rels/.rels", package_rels),
             ("word/document.xml", document), ("word/styles.xml", styles_xml),
             ("word/header1.xml", header), ("word/_rels/document.xml.rels", document_rels)]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, content in parts:
            info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, content.encode("utf-8"))


if __name__ == "__main__":
    single_column(os.path.join(HERE, "priya-raman-single-column.pdf"))
    two_column(os.path.join(HERE, "mateo-alvarez-two-column.pdf"))
    docx(os.path.join(HERE, "grace-okafor.docx"))
    print("wrote", ", ".join(sorted(f for f in os.listdir(HERE) if f.endswith((".pdf", ".docx")))))

"""Console tables: sync and golden-check runs, gaps marked as dealt with, cached question vectors.

Revision ID: a0001
Revises:
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "a0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "admin_runs",
        sa.Column("id", sa.Integer, autoincrement=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True)),
        sa.Column("done", sa.Integer, nullable=False),
        sa.Column("total", sa.Integer, nullable=False),
        sa.Column("kb_version", sa.String(32)),
        sa.Column("pass_rate", sa.Float),
        sa.Column("report", sa.JSON, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_admin_runs"),
    )
    op.create_index("ix_admin_runs_kind_id", "admin_runs", ["kind", "id"])
    op.create_table(
        "admin_gap_resolutions",
        sa.Column("message_id", sa.Integer, autoincrement=False),
        sa.Column("resolved_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("note", sa.Text),
        sa.PrimaryKeyConstraint("message_id", name="pk_admin_gap_resolutions"),
    )
    op.create_table(
        "admin_question_vectors",
        sa.Column("message_id", sa.Integer, autoincrement=False),
        sa.Column("model_id", sa.String(100)),
        sa.Column("vector", sa.LargeBinary, nullable=False),
        sa.PrimaryKeyConstraint("message_id", "model_id", name="pk_admin_question_vectors"),
    )


    op.create_table(
        "admin_facts",
        sa.Column("conversation_id", sa.String(64), nullable=False),
        sa.Column("day", sa.String(10), nullable=False),
        sa.Column("counted", sa.Boolean, nullable=False),
        sa.Column("answered", sa.Boolean, nullable=False),
        sa.Column("declined", sa.Boolean, nullable=False),
        sa.Column("reason", sa.String(64), nullable=False),
        sa.Column("rating", sa.Integer, nullable=False),
        sa.Column("helpful_yes", sa.Integer, nullable=False),
        sa.Column("helpful_no", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("conversation_id", name="pk_admin_facts"),
    )
    op.create_index("ix_admin_facts_day", "admin_facts", ["day"])
    op.create_table(
        "admin_waits",
        sa.Column("state_change_id", sa.Integer, autoincrement=False),
        sa.Column("conversation_id", sa.String(64), nullable=False),
        sa.Column("day", sa.String(10), nullable=False),
        sa.Column("wait_s", sa.Float),
        sa.PrimaryKeyConstraint("state_change_id", name="pk_admin_waits"),
    )
    op.create_index("ix_admin_waits_day", "admin_waits", ["day"])
    op.create_index("ix_admin_waits_conversation_id", "admin_waits", ["conversation_id"])
    op.create_table(
        "admin_gap_questions",
        sa.Column("message_id", sa.Integer, autoincrement=False),
        sa.Column("conversation_id", sa.String(64), nullable=False),
        sa.Column("day", sa.String(10), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("asked_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("message_id", name="pk_admin_gap_questions"),
    )
    op.create_index("ix_admin_gap_questions_day", "admin_gap_questions", ["day"])
    op.create_index("ix_admin_gap_questions_conversation_id", "admin_gap_questions", ["conversation_id"])
    op.create_table(
        "admin_daily",
        sa.Column("day", sa.String(10), nullable=False),
        sa.Column("reason", sa.String(64), nullable=False),
        sa.Column("rating", sa.Integer, autoincrement=False, nullable=False),
        sa.Column("conversations", sa.Integer, nullable=False),
        sa.Column("answered", sa.Integer, nullable=False),
        sa.Column("declined", sa.Integer, nullable=False),
        sa.Column("helpful_yes", sa.Integer, nullable=False),
        sa.Column("helpful_no", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("day", "reason", "rating", name="pk_admin_daily"),
    )
    marks = op.create_table(
        "admin_marks",
        sa.Column("name", sa.String(64), nullable=False),
        sa.Column("value", sa.String(64), nullable=False),
        sa.PrimaryKeyConstraint("name", name="pk_admin_marks"),
    )
    op.bulk_insert(marks, [{"name": "facts_seen", "value": ""}])  # the row facts.py locks while it writes


def downgrade() -> None:
    for table in ("admin_marks", "admin_daily", "admin_gap_questions", "admin_waits", "admin_facts"):
        op.drop_table(table)
    op.drop_table("admin_question_vectors")
    op.drop_table("admin_gap_resolutions")
    op.drop_index("ix_admin_runs_kind_id", table_name="admin_runs")
    op.drop_table("admin_runs")

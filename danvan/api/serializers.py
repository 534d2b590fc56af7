"""What the API shows of each record. Field names are the code's (English); labels are Vietnamese and
go into the OpenAPI schema as descriptions."""

from __future__ import annotations

from rest_framework import serializers

from danvan.awards.models import Decision, Proposal
from danvan.org.models import LineageEvent, Unit
from danvan.planning.models import Directive, KeyTask, Milestone, WorkPlan
from danvan.practices.models import CONTENT_FIELDS, Practice


class UnitRefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Unit
        fields = ["id", "code", "name"]


class UnitSerializer(serializers.ModelSerializer):
    kind = serializers.CharField(source="kind.code", read_only=True, help_text="Mã loại đơn vị")
    kind_name = serializers.CharField(source="kind.name", read_only=True, help_text="Loại đơn vị")
    bloc = serializers.CharField(source="bloc.code", read_only=True, allow_null=True, default=None)

    class Meta:
        model = Unit
        fields = ["id", "code", "name", "short_name", "kind", "kind_name", "bloc", "parent", "depth"]
        fields += ["valid_from", "valid_until"]


class LineageEventSerializer(serializers.ModelSerializer):
    kind_name = serializers.CharField(source="get_kind_display", read_only=True)
    predecessors = UnitRefSerializer(many=True, read_only=True)
    successors = UnitRefSerializer(many=True, read_only=True)

    class Meta:
        model = LineageEvent
        fields = ["id", "kind", "kind_name", "date", "legal_basis", "predecessors", "successors"]


class UnitDetailSerializer(UnitSerializer):
    became = serializers.SerializerMethodField(help_text="Các sự kiện đơn vị này là đơn vị trước (sáp nhập vào…)")
    came_from = serializers.SerializerMethodField(help_text="Các sự kiện đơn vị này là đơn vị sau (hình thành từ…)")

    class Meta(UnitSerializer.Meta):
        fields = [*UnitSerializer.Meta.fields, "came_from", "became"]

    def get_became(self, unit) -> list[dict]:
        return LineageEventSerializer(unit.successor_events.all(), many=True).data

    def get_came_from(self, unit) -> list[dict]:
        return LineageEventSerializer(unit.predecessor_events.all(), many=True).data


PRACTICE_LIST_FIELDS = ["id", "code", "name", "kind", "subject", "year", "unit", "unit_name", "level", "field"]
PRACTICE_LIST_FIELDS += ["bloc", "status", "recognized_level", "decision_number", "decision_date", "updated_at"]


class PracticeSerializer(serializers.ModelSerializer):
    level = serializers.CharField(source="level.code", read_only=True)
    field = serializers.CharField(source="field.code", read_only=True)
    bloc = serializers.CharField(source="bloc.code", read_only=True, allow_null=True, default=None)
    recognized_level = serializers.CharField(
        source="recognized_level.code", read_only=True, allow_null=True, default=None
    )

    class Meta:
        model = Practice
        fields = PRACTICE_LIST_FIELDS


class PracticeDetailSerializer(PracticeSerializer):
    replicated_from = serializers.CharField(
        source="replicated_from.code", read_only=True, allow_null=True, default=None
    )
    recognizing_unit = UnitRefSerializer(read_only=True, allow_null=True)

    class Meta(PracticeSerializer.Meta):
        fields = [*PRACTICE_LIST_FIELDS, "person_name", "person_position", "description"]
        fields += [name for name, _ in CONTENT_FIELDS]
        fields += ["replicated_from", "recognizing_unit", "published", "created_at", "version"]


class PracticeWriteSerializer(serializers.Serializer):
    """The body of a create or an edit: the fields of the web form, references by id (unit, level, field,
    bloc) or code (`replicated_from_code`); checked by the same form and rules as the web."""

    name = serializers.CharField(max_length=500)
    kind = serializers.CharField()
    subject = serializers.CharField()
    year = serializers.IntegerField()
    unit = serializers.IntegerField()
    level = serializers.IntegerField()
    field = serializers.IntegerField()
    bloc = serializers.IntegerField(required=False, allow_null=True)
    person_name = serializers.CharField(required=False, allow_blank=True)
    person_position = serializers.CharField(required=False, allow_blank=True)
    description = serializers.CharField(required=False, allow_blank=True)
    replicated_from_code = serializers.CharField(required=False, allow_blank=True)
    situation = serializers.CharField(required=False, allow_blank=True, help_text="Thực trạng và lý do đăng ký")
    goals = serializers.CharField(required=False, allow_blank=True, help_text="Mục tiêu, tiêu chí")
    methods = serializers.CharField(required=False, allow_blank=True, help_text="Cách làm, giải pháp")
    area = serializers.CharField(required=False, allow_blank=True, help_text="Địa bàn, đối tượng")
    forces = serializers.CharField(required=False, allow_blank=True, help_text="Lực lượng tham gia")
    resources = serializers.CharField(required=False, allow_blank=True, help_text="Nguồn lực")
    timeline = serializers.CharField(required=False, allow_blank=True, help_text="Thời gian thực hiện")
    outputs = serializers.CharField(required=False, allow_blank=True, help_text="Sản phẩm, kết quả kiểm chứng")
    sustainability = serializers.CharField(required=False, allow_blank=True, help_text="Khả năng duy trì, nhân rộng")
    version = serializers.IntegerField(required=False, help_text="Phiên bản đã đọc; bắt buộc khi sửa")


class StepSerializer(serializers.Serializer):
    action = serializers.CharField(help_text="Bước xử lý: submit (gửi), approve (duyệt), return (trả lại)")
    comment = serializers.CharField(required=False, allow_blank=True, max_length=2000, help_text="Ý kiến, lý do")


class ProposalWriteSerializer(serializers.Serializer):
    """The body of a proposal's create or edit, as the web form's fields (references by id)."""

    unit = serializers.IntegerField(help_text="Đơn vị đề nghị (id)")
    award_type = serializers.IntegerField(help_text="Hình thức khen thưởng (id)")
    year = serializers.IntegerField()
    period = serializers.CharField(required=False, allow_blank=True, max_length=60)
    number = serializers.CharField(required=False, allow_blank=True, max_length=60)
    achievement = serializers.CharField(help_text="Thành tích")
    version = serializers.IntegerField(required=False, help_text="Phiên bản đã đọc; bắt buộc khi sửa")


class TransitionSerializer(serializers.Serializer):
    """A workflow step; `recognize` also needs the decision (level, number, date, recognizing unit)."""

    action = serializers.CharField(help_text="Bước xử lý: start, propose, recognize, return, reject")
    comment = serializers.CharField(required=False, allow_blank=True, max_length=2000)
    level = serializers.IntegerField(required=False, help_text="recognize: cấp công nhận (id)")
    decision_number = serializers.CharField(required=False, max_length=100, help_text="recognize: số quyết định")
    decision_date = serializers.DateField(required=False, help_text="recognize: ngày công nhận")
    recognizing_unit = serializers.IntegerField(required=False, help_text="recognize: đơn vị công nhận (id)")


class AwardRecordSerializer(serializers.ModelSerializer):
    """What proposals and decisions share: the award type by name, the status in words."""

    award_type = serializers.CharField(source="award_type.name", read_only=True)
    status_name = serializers.CharField(source="get_status_display", read_only=True)


class ProposalSerializer(AwardRecordSerializer):
    class Meta:
        model = Proposal
        fields = ["id", "unit", "unit_name", "award_type", "year", "period", "number", "achievement", "status"]
        fields += ["status_name", "decision", "created_at", "updated_at", "version"]


class DecisionSerializer(AwardRecordSerializer):
    class Meta:
        model = Decision
        fields = ["id", "unit", "award_type", "year", "number", "date", "signer_name", "achievement", "status"]
        fields += ["status_name", "issued_at", "updated_at"]


class MilestoneSerializer(serializers.ModelSerializer):
    kind_name = serializers.CharField(source="get_kind_display", read_only=True)

    class Meta:
        model = Milestone
        fields = ["id", "directive", "kind", "kind_name", "years", "due_date", "report_number", "report_date"]
        fields += ["report_title"]


class DirectiveSerializer(serializers.ModelSerializer):
    type = serializers.CharField(source="type.name", read_only=True)
    milestones = MilestoneSerializer(many=True, read_only=True)

    class Meta:
        model = Directive
        fields = ["id", "unit", "type", "number", "issued_on", "issuer", "summary", "milestones", "updated_at"]


class WorkPlanSerializer(serializers.ModelSerializer):
    class Meta:
        model = WorkPlan
        fields = ["id", "unit", "code", "title", "year_start", "year_end", "number", "issued_on", "purpose"]


class KeyTaskSerializer(serializers.ModelSerializer):
    status_name = serializers.CharField(source="get_status_display", read_only=True)

    class Meta:
        model = KeyTask
        fields = ["id", "plan", "number", "content", "directive", "lead_unit", "partner_units", "deadline"]
        fields += ["status", "status_name", "progress"]


class StatsRowSerializer(serializers.Serializer):
    key = serializers.CharField(allow_null=True)
    label = serializers.CharField()
    group = serializers.CharField(allow_blank=True)
    registered = serializers.IntegerField()
    recognized = serializers.IntegerField()
    previous_registered = serializers.IntegerField(allow_null=True)
    previous_recognized = serializers.IntegerField(allow_null=True)
    change = serializers.IntegerField(allow_null=True)
    rate = serializers.DecimalField(max_digits=5, decimal_places=1, allow_null=True, coerce_to_string=False)

    def to_representation(self, row):
        data = super().to_representation(row)
        data["key"] = None if row.key is None else str(row.key)
        return data


class StatsTableSerializer(serializers.Serializer):
    title = serializers.CharField()
    dimension = serializers.CharField()
    rows = StatsRowSerializer(many=True)
    total = StatsRowSerializer()


class StatisticsSerializer(serializers.Serializer):
    year = serializers.IntegerField(source="filters.year")
    mode = serializers.CharField(source="filters.mode")
    kind = serializers.CharField(source="filters.kind", allow_blank=True)
    unit = UnitRefSerializer(source="filters.unit", allow_null=True)
    scope_label = serializers.CharField()
    sentences = serializers.ListField(child=serializers.CharField())
    tables = serializers.DictField(child=StatsTableSerializer())
    by_unit = StatsTableSerializer()
    trend = StatsTableSerializer()

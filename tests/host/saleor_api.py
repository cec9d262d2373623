"""The stand-in's `/graphql/`: only Saleor's `tokenCreate`, which the Dashboard
extension's standalone demo login calls (as it would on a real Saleor). Same argument
names, payload fields and error code as Saleor's mutation."""

import json

import graphene
from django.http import HttpRequest, JsonResponse
from django.views.decorators.csrf import csrf_exempt

from .account.models import User
from .tokens import create_access_token


class AccountError(graphene.ObjectType):
    field = graphene.String()
    code = graphene.String(required=True)
    message = graphene.String()


class StandInUser(graphene.ObjectType):
    email = graphene.String(required=True)
    first_name = graphene.String(required=True)
    last_name = graphene.String(required=True)
    is_staff = graphene.Boolean(required=True)

    class Meta:
        name = "User"


class CreateToken(graphene.Mutation):
    token = graphene.String()
    refresh_token = graphene.String()
    user = graphene.Field(StandInUser)
    errors = graphene.List(graphene.NonNull(AccountError), required=True)

    class Arguments:
        email = graphene.String(required=True)
        password = graphene.String(required=True)

    @classmethod
    def mutate(cls, root, info, email: str, password: str) -> "CreateToken":
        user = User.objects.filter(email__iexact=email, is_active=True).first()
        if user is None or not user.check_password(password):
            # Saleor's answer for a wrong e-mail and a wrong password alike.
            return cls(
                errors=[
                    AccountError(
                        field="email",
                        code="INVALID_CREDENTIALS",
                        message="Please, enter valid credentials",
                    )
                ]
            )
        return cls(token=create_access_token(user), user=user, errors=[])


class Query(graphene.ObjectType):
    shop_name = graphene.String(description="A stand-in shop.")

    def resolve_shop_name(root, info) -> str:
        return "Stand-in shop"


class Mutation(graphene.ObjectType):
    token_create = CreateToken.Field()


schema = graphene.Schema(query=Query, mutation=Mutation)


@csrf_exempt
def saleor_graphql(request: HttpRequest) -> JsonResponse:
    if request.method == "OPTIONS":
        return JsonResponse({})
    if request.method != "POST":
        return JsonResponse({"errors": [{"message": "Use POST."}]}, status=405)
    body = json.loads(request.body or b"{}")
    result = schema.execute(body.get("query", ""), variables=body.get("variables"))
    payload: dict = {"data": result.data}
    if result.errors:
        payload["errors"] = [{"message": str(error)} for error in result.errors]
    return JsonResponse(payload)

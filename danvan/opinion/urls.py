app_name = "opinion"
urlpatterns = []
